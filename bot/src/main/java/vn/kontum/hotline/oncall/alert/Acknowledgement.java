package vn.kontum.hotline.oncall.alert;

/** How an officer acknowledged an urgent alert. */
public enum Acknowledgement {
    /** Opened the case's page. */
    VIEW,
    /** Replied to the woman. */
    REPLY,
    /** Took the case. */
    ASSIGN,
    /** Pressed "Đã nhận" on the case's page. */
    BUTTON,
    /** Pressed "Đã nhận" under the alert in their Telegram chat. */
    TELEGRAM,
    /** Answered the alert on their Zalo ("nhận", "ok" or the case number). */
    ZALO,
    /** Handed the case to another service point, whose officers get an alert of their own. */
    TRANSFER,
    /** Nobody: the case moved, before anyone took it, on what the woman wrote; the new service point gets its own alert. */
    MOVED
}

package vn.kontum.hotline.channel.zalo;

import java.time.Duration;

/**
 * The Zalo app and OA, from the environment ({@code ZALO_*}).
 *
 * @param appId        the Zalo app's id (developers.zalo.me); Zalo is on when it is set
 * @param appSecret    the app's secret key: authenticates token refreshes
 * @param oaSecretKey  the OA secret key of the webhook: signs the events Zalo sends
 * @param replayWindow events whose timestamp is older than this are ignored (a replay, or hopelessly late)
 * @param refreshAhead the access token is refreshed this long before it expires
 */
record ZaloSettings(String appId, String appSecret, String oaSecretKey, String firstAccessToken, String firstRefreshToken,
                    String apiUrl, String oauthUrl, Duration replayWindow, Duration refreshAhead) {

    ZaloSettings {
        apiUrl = trimSlash(apiUrl);
        oauthUrl = trimSlash(oauthUrl);
    }

    @Override
    public String toString() {
        return "ZaloSettings[appId=" + appId + ", apiUrl=" + apiUrl + ", oauthUrl=" + oauthUrl + "]"; // never the secrets
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package vn.kontum.hotline.directory;

/** The kinds of service point the plan names. */
public enum ServicePointKind {
    TRUSTED_ADDRESS,
    WOMENS_UNION,
    HEALTH_CENTRE,
    HEALTH_STATION,
    SAVINGS_GROUP,
    SOCIAL_POLICY_BANK,
    POLICE
}

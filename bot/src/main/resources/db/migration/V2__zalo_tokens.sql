-- Zalo OA tokens, encrypted (AES-GCM, key HOTLINE_ENCRYPTION_KEY). The refresh token is single use: each
-- refresh returns a new one, written here before the new access token is used. New tokens given in the
-- environment (a different ZALO_REFRESH_TOKEN than the row started from) replace the row.
create table zalo_token (
    app_id                   varchar(40)  primary key,
    access_token             varchar(2000) not null,         -- base64 of nonce and ciphertext
    refresh_token            varchar(2000) not null,
    access_expires_at        timestamp with time zone not null,
    refreshed_at             timestamp with time zone,
    seeded_from              varchar(64)  not null,          -- SHA-256 of the ZALO_REFRESH_TOKEN the row started from
    updated_at               timestamp with time zone not null
);

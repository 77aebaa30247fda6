package dev.glosa.io.powerbi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: the first 96 bits of HMAC-SHA256(key, value) as 24 hex digits.
 *
 * <p>HMAC (Krawczyk, Bellare, Canetti, "HMAC: Keyed-Hashing for Message Authentication", RFC 2104, 1997,
 * doi:10.17487/RFC2104) rather than a plain hash because identifiers such as CPF or AIH numbers are few enough to
 * enumerate: without the key nobody can hash every candidate and look the pseudonym up. 96 bits keep collisions out
 * of reach for any realistic number of claims (about 10^-16 for ten million values).
 */
final class Pseudonymiser {
    private static final int BYTES = 12;
    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;

    Pseudonymiser(String key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** The pseudonym of {@code value}; empty for an empty value, so missing stays missing. */
    String pseudonym(String value) {
        if (value.isEmpty()) {
            return value;
        }
        byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(h, 0, BYTES);
    }

    /**
     * A short fingerprint of the key (8 hex digits of an HMAC of a fixed text), recorded in the manifest so that a
     * run with another key is refused instead of silently breaking the pseudonyms' continuity.
     */
    String keyId() {
        byte[] h = mac.doFinal("glosa pseudonym key id".getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(h, 0, 4);
    }
}

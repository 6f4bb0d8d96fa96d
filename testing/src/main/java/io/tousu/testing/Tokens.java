package io.tousu.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Mints bearer tokens signed with the LOCAL DEVELOPMENT key (tousu-dev-jwt/private.pem), which the
 * services trust only in tests, dev mode and the local stack. Production verifies tokens with the
 * public key of a real identity provider, mounted from a Secret.
 */
public final class Tokens {

    /** The issuer the services expect of local tokens. */
    public static final String ISSUER = "https://tousu.io/local";

    private static final PrivateKey KEY = loadKey();

    private Tokens() {
    }

    /**
     * A token for {@code subject} with the given roles, limited to {@code province} (null: no
     * province claim, for {@code national} callers) and member of {@code team} (may be null).
     */
    public static String mint(String subject, List<String> roles, String province, String team, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", roles);
        if (province != null) {
            claims.setClaim("province", province);
        }
        if (team != null) {
            claims.setClaim("team", team);
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toMinutes());
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY);
        jws.setKeyIdHeaderValue("tousu-dev");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** A one-hour token with one role in one province. */
    public static String of(String subject, String role, String province) {
        return mint(subject, List.of(role), province, null, Duration.ofHours(1));
    }

    /** A one-hour token that may do everything everywhere: the default of API tests. */
    public static String superuser() {
        return mint("test-admin", List.of("channel", "agent", "backoffice", "supervisor", "inspector", "admin",
                "national"), null, null, Duration.ofHours(1));
    }

    private static PrivateKey loadKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/tousu-dev-jwt/private.pem")) {
            if (in == null) {
                throw new IllegalStateException("tousu-dev-jwt/private.pem is missing from the classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development signing key", e);
        }
    }
}

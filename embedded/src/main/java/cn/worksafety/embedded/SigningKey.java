package cn.worksafety.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key of local mode and tests: it signs tokens, and its public half is what the
 * service's OIDC layer verifies them with. Made once per data directory, never committed.
 */
public record SigningKey(PrivateKey privateKey, String publicKeyBase64) {

    public static SigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(file.getParent());
                Files.write(file, pair.getPrivate().getEncoded());
            }
            return fromPkcs8(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the local token key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA key generator in this JVM", e);
        }
    }

    public static SigningKey fromPkcs8(byte[] pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] publicKey = factory.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
            return new SigningKey(key, Base64.getEncoder().encodeToString(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The local token key is not an RSA PKCS#8 key", e);
        }
    }
}

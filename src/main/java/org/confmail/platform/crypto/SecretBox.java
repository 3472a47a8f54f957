package org.confmail.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Encrypts the one secret an outbox row may carry (a new PIN) between the request and the send, so a database
 * dump or backup never shows it. AES-256-GCM; the key comes from {@code CONFMAIL_SECRET_KEY} (base64, 32 bytes,
 * the same on every instance of a cluster) or, on a single machine, from {@code secret.key} in the data directory,
 * created on first use and readable by the owner only.
 */
@ApplicationScoped
public class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    ConfmailConfig config;

    private SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox() {
    }

    /** A box with a given key, for tools and tests outside the container. */
    public SecretBox(byte[] rawKey) {
        this.key = new SecretKeySpec(rawKey, "AES");
    }

    @PostConstruct
    void loadKey() {
        byte[] raw = config.secretKey().map(b64 -> Base64.getDecoder().decode(b64))
                .orElseGet(() -> keyFile(config.dataDir().resolve("secret.key")));
        key = new SecretKeySpec(raw, "AES");
    }

    /**
     * A key for another purpose (such as hashing API tokens), derived from the secret key as HMAC-SHA-256 of the
     * purpose: one setting serves every use, and no use learns another's key.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive a key", e);
        }
    }

    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never include the ciphertext or key material in the message.
            throw new IllegalStateException("Could not decrypt a stored secret (was the secret key changed?)");
        }
    }

    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(raw));
                } catch (FileAlreadyExistsException raced) {
                    // Another instance on this machine created it first: use theirs.
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(raw));
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret key " + file, e);
        }
    }
}

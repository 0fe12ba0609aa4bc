package org.energymonitor.mqtt;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import org.energymonitor.web.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded HiveMQ extension that admits only clients with the configured username and password (compared in
 * constant time). A client address that sent too many wrong ones is locked out ({@link LoginFailures}): its CONNECTs
 * are refused unchecked, so its guesses stop counting. Refusals during a lockout are held back for up to
 * {@link #MAX_HOLD_MS} (without blocking a thread), so a guesser's reconnect loop costs the broker little CPU.
 */
final class PasswordExtension implements ExtensionMain {

    /** The longest a refusal is held back. */
    static final long MAX_HOLD_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(PasswordExtension.class);
    private final byte[] expectedUser;
    private final byte[] expectedSecret;
    private final LoginFailures failures;

    PasswordExtension(String username, String password, LoginFailures failures) {
        this.expectedUser = username.getBytes(StandardCharsets.UTF_8);
        this.expectedSecret = password.getBytes(StandardCharsets.UTF_8);
        this.failures = failures;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        SimpleAuthenticator authenticator = this::check;
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release
    }

    private void check(SimpleAuthInput input, SimpleAuthOutput output) {
        String client = input.getConnectionInformation().getInetAddress().map(InetAddress::getHostAddress).orElse("");
        long locked = failures.lockedFor(client, System.currentTimeMillis());
        if (locked > 0) {
            refuseLater(output, locked, ConnackReasonCode.NOT_AUTHORIZED,
                    "too many wrong passwords from this address; try again later");
            return;
        }
        ConnectPacket connect = input.getConnectPacket();
        boolean userOk = MessageDigest.isEqual(expectedUser,
                connect.getUserName().orElse("").getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(expectedSecret, bytes(connect.getPassword()));
        if (userOk && passwordOk) {
            failures.succeeded(client);
            output.authenticateSuccessfully();
            return;
        }
        long lock = failures.failed(client, System.currentTimeMillis());
        if (lock > 0) {
            LOG.warn("MQTT client address {} is locked out for {} s after repeated wrong passwords", client,
                    lock / 1000);
            refuseLater(output, lock, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad username or password");
        } else {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad username or password");
        }
    }

    /** Answers the CONNECT with a refusal after {@code millis} (at most {@link #MAX_HOLD_MS}). */
    private static void refuseLater(SimpleAuthOutput output, long millis, ConnackReasonCode code, String reason) {
        long hold = Math.min(millis, MAX_HOLD_MS);
        Async<SimpleAuthOutput> async = output.async(Duration.ofMillis(hold + 5_000), TimeoutFallback.FAILURE,
                code, reason);
        Services.extensionExecutorService().schedule(() -> {
            async.getOutput().failAuthentication(code, reason);
            async.resume();
        }, hold, TimeUnit.MILLISECONDS);
    }

    private static byte[] bytes(Optional<ByteBuffer> buffer) {
        if (buffer.isEmpty()) {
            return new byte[0];
        }
        ByteBuffer b = buffer.get().asReadOnlyBuffer();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}

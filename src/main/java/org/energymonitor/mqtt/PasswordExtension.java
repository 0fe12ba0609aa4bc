package org.energymonitor.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import com.hivemq.extension.sdk.api.ExtensionMain;
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

/**
 * An embedded HiveMQ extension that admits only clients with the configured username and password
 * (compared in constant time).
 */
final class PasswordExtension implements ExtensionMain {

    private final byte[] expectedUser;
    private final byte[] expectedSecret;

    PasswordExtension(String username, String password) {
        this.expectedUser = username.getBytes(StandardCharsets.UTF_8);
        this.expectedSecret = password.getBytes(StandardCharsets.UTF_8);
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
        ConnectPacket connect = input.getConnectPacket();
        boolean userOk = MessageDigest.isEqual(expectedUser,
                connect.getUserName().orElse("").getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(expectedSecret, bytes(connect.getPassword()));
        if (userOk && passwordOk) {
            output.authenticateSuccessfully();
        } else {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad username or password");
        }
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

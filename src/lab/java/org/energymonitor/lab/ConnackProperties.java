package org.energymonitor.lab;

/** Reads the Receive Maximum from the properties of an MQTT 5 CONNACK (65,535 when the broker sends none). */
final class ConnackProperties {

    private static final int RECEIVE_MAXIMUM = 0x21;

    private ConnackProperties() {
    }

    /** {@code body} holds the properties' length (a variable byte integer) at {@code at}, then the properties. */
    static int receiveMaximum(byte[] body, int at) {
        int[] pos = {at};
        int end = varInt(body, pos);
        end += pos[0];
        int i = pos[0];
        while (i < Math.min(end, body.length)) {
            int id = body[i++] & 0xff;
            if (id == RECEIVE_MAXIMUM) {
                return ((body[i] & 0xff) << 8) | (body[i + 1] & 0xff);
            }
            i += switch (id) {
                case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> 1;
                case 0x13, 0x22, 0x23 -> 2;
                case 0x02, 0x11, 0x18, 0x27 -> 4;
                case 0x0B -> {
                    int[] p = {i};
                    varInt(body, p);
                    yield p[0] - i;
                }
                case 0x26 -> {
                    int first = 2 + u16(body, i);
                    yield first + 2 + u16(body, i + first);
                }
                default -> 2 + u16(body, i); // strings and binary data
            };
        }
        return 65_535;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static int varInt(byte[] b, int[] pos) {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int v = b[pos[0]++] & 0xff;
            value |= (v & 0x7f) << shift;
            if ((v & 0x80) == 0) {
                break;
            }
        }
        return value;
    }
}

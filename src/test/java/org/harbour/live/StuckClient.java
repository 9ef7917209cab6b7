package org.harbour.live;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A WebSocket client that completes the handshake and then stops reading, like a frozen browser tab. */
final class StuckClient implements AutoCloseable {

    record Ending(int messages, Integer closeCode) {
    }

    private final Socket socket;
    private final InputStream in;

    private StuckClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static StuckClient connect(URI httpBase, String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // a small window, so the server's writes back up soon
        socket.connect(new InetSocketAddress(httpBase.getHost(), httpBase.getPort()), 5000);
        socket.setSoTimeout(10_000);
        String handshake = "GET /ws/live?access_token=" + token + " HTTP/1.1\r\n"
                + "Host: " + httpBase.getHost() + ":" + httpBase.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
        StuckClient client = new StuckClient(socket);
        assertThat(client.readHeaders()).startsWith("HTTP/1.1 101");
        return client;
    }

    /** Reads again: counts the messages that were waiting, up to the close frame or the end of the stream. */
    Ending readToEnd() throws IOException {
        int messages = 0;
        while (true) {
            int first = in.read();
            if (first < 0) {
                return new Ending(messages, null);
            }
            long length = in.read() & 0x7F; // server frames are not masked
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            int opcode = first & 0x0F;
            if (opcode == 0x8) {
                return new Ending(messages, payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : null);
            }
            boolean finalFrame = (first & 0x80) != 0;
            if (finalFrame && (opcode == 0x1 || opcode == 0x0)) {
                messages++;
            }
        }
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            headers.append((char) next);
        }
        return headers.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package org.harbour.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many dashboards on one cheap Netty client: no JSON parsing per message, only a scan of the bytes
 * for the event type, seq, programId and version; the arrival is timestamped on the event loop.
 * An availability.changed of the watched program is matched to the update that caused it by its
 * version (the sender is the only writer of that program), so every socket's latency is exact.
 */
final class LiveLoad implements AutoCloseable {

    private static final byte[] CHANGED = "{\"type\":\"availability.changed\",\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROGRAM = "\"programId\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = "\"version\":".getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup group;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    final Histogram latency = new Histogram();
    private final long programId;
    private volatile long baseVersion;
    private volatile int warmUp;
    private volatile AtomicLongArray sentAt = new AtomicLongArray(1);

    LiveLoad(long programId, int threads) {
        this.programId = programId;
        this.group = new NioEventLoopGroup(threads, r -> {
            Thread t = new Thread(r, "bench-ws");
            t.setDaemon(true);
            return t;
        });
    }

    /** Updates number 1..n will carry versions base+1..base+n; the first warmUp are not timed. */
    void expect(long baseVersion, int updates, int warmUp) {
        this.sentAt = new AtomicLongArray(updates + 1);
        this.warmUp = warmUp;
        this.baseVersion = baseVersion;
    }

    void sent(int update, long nanos) {
        sentAt.set(update, nanos);
    }

    void connect(String base, String token, int count, int parallel) throws Exception {
        URI uri = URI.create(base.replace("http://", "ws://") + "/ws/live?access_token=" + token);
        Semaphore inFlight = new Semaphore(parallel);
        List<CompletableFuture<Void>> handshakes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            Socket socket = new Socket();
            sockets.add(socket);
            handshakes.add(socket.ready);
            socket.ready.whenComplete((v, e) -> inFlight.release());
            Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                    new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(
                                            uri, WebSocketVersion.V13, null, false, EmptyHttpHeaders.INSTANCE, 64 << 20)),
                                    socket);
                        }
                    }).connect(uri.getHost(), uri.getPort()).sync().channel();
            channels.add(channel);
        }
        CompletableFuture.allOf(handshakes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    /** Waits until every socket saw the given number of updates (or the timeout); true when all did. */
    boolean awaitAll(int updates, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (sockets.stream().allMatch(s -> s.received >= updates)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Sockets that missed an update, saw one twice or out of order, or lost their connection. */
    String problems(int updates) {
        long incomplete = sockets.stream().filter(s -> s.received != updates).count();
        long disordered = sockets.stream().filter(s -> s.disorder > 0).count();
        long gaps = sockets.stream().filter(s -> s.gaps > 0).count();
        long closed = sockets.stream().filter(s -> s.closed).count();
        if (incomplete + disordered + gaps + closed == 0) {
            return "";
        }
        return String.format("%d of %d sockets incomplete, %d with a missing version, %d out of order, %d closed "
                + "(min received %d of %d)", incomplete, sockets.size(), gaps, disordered, closed,
                sockets.stream().mapToInt(s -> s.received).min().orElse(0), updates);
    }

    int size() {
        return sockets.size();
    }

    @Override
    public void close() {
        channels.forEach(Channel::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Socket extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        // written by this socket's event loop only; read by the main thread at the end
        volatile int received;
        int gaps;
        int disorder;
        volatile boolean closed;
        long lastSeq = -1;
        long lastVersion = -1;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ready.complete(null);
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            long now = System.nanoTime();
            ByteBuf c = frame.content();
            if (!startsWith(c, CHANGED)) {
                return; // the snapshot, or another event type
            }
            long seq = number(c, c.readerIndex() + CHANGED.length);
            if (seq <= lastSeq) {
                disorder++;
            }
            lastSeq = seq;
            if (numberAfter(c, PROGRAM) != programId) {
                return;
            }
            long version = numberAfter(c, VERSION);
            int update = (int) (version - baseVersion);
            if (update < 1 || update >= sentAt.length()) {
                return; // not one of the timed run's updates
            }
            if (lastVersion >= 0 && version != lastVersion + 1) {
                gaps++;
            }
            lastVersion = version;
            received++;
            long sent = sentAt.get(update);
            if (update > warmUp && sent > 0) {
                latency.recordNanos(now - sent);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            closed = true;
            ready.completeExceptionally(new IllegalStateException("closed before the handshake"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ready.completeExceptionally(cause);
            ctx.close();
        }
    }

    private static boolean startsWith(ByteBuf c, byte[] prefix) {
        if (c.readableBytes() < prefix.length) {
            return false;
        }
        int at = c.readerIndex();
        for (int i = 0; i < prefix.length; i++) {
            if (c.getByte(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long numberAfter(ByteBuf c, byte[] key) {
        int end = c.writerIndex() - key.length;
        outer:
        for (int at = c.readerIndex(); at <= end; at++) {
            for (int i = 0; i < key.length; i++) {
                if (c.getByte(at + i) != key[i]) {
                    continue outer;
                }
            }
            return number(c, at + key.length);
        }
        return -1;
    }

    private static long number(ByteBuf c, int at) {
        long value = 0;
        for (int i = at; i < c.writerIndex(); i++) {
            byte b = c.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }
}

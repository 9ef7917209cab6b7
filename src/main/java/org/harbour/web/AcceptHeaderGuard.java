package org.harbour.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.util.HttpHeadersUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Drops an Accept-Language or Accept-Charset header that Micronaut cannot read (such as "," or ";"):
 * its parser throws on them, which made every route that binds an argument answer 500. Nothing here
 * depends on either header (the API answers in one language, always UTF-8), so dropping is safe.
 * It runs right after Netty's HTTP decoder, before Micronaut sees the request.
 */
@Singleton
class AcceptHeaderGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final List<CharSequence> GUARDED = List.of(HttpHeaderNames.ACCEPT_LANGUAGE, HttpHeaderNames.ACCEPT_CHARSET);
    private static final ChannelHandler DROP_UNREADABLE = new DropUnreadable();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerChannel(null));
        return event.getBean();
    }

    /** Adds the handler to each connection's HTTP/1 pipeline, after the decoder. */
    private record PerChannel(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new PerChannel(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelHandlerContext codec = channel == null ? null : channel.pipeline().context(HttpServerCodec.class);
            if (codec != null && channel.pipeline().get(DropUnreadable.class) == null) {
                channel.pipeline().addAfter(codec.name(), "harbour-accept-header-guard", DROP_UNREADABLE);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class DropUnreadable extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                HttpHeaders headers = request.headers();
                for (CharSequence name : GUARDED) {
                    for (String value : headers.getAll(name)) {
                        if (!readable(value)) {
                            headers.remove(name);
                            break;
                        }
                    }
                }
            }
            ctx.fireChannelRead(message);
        }

        /** Micronaut's own parser is the judge, so the guard follows it across versions. */
        static boolean readable(String value) {
            try {
                HttpHeadersUtil.splitAcceptHeader(value);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}

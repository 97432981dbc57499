package concbench.netty;

import concbench.contract.Contract;
import concbench.contract.ServerConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.Map;

/**
 * The pipeline of a server connection: the HTTP/1.1 codec with the contract's limits, then {@link RequestHandler}.
 * It asks nothing of a socket, so the same pipeline also runs on an {@code EmbeddedChannel} (the jmh module's
 * hot-path benchmark).
 */
final class ServerInitializer extends ChannelInitializer<Channel> {
    private final ServerConfig config;
    private final DateHeader date;
    private final Map<EventLoop, BackendClient> clients;

    ServerInitializer(ServerConfig config, DateHeader date, Map<EventLoop, BackendClient> clients) {
        this.config = config;
        this.date = date;
        this.clients = clients;
    }

    @Override
    protected void initChannel(Channel ch) {
        // Netty limits the request line and the headers each on its own; RequestHandler checks their sum.
        HttpDecoderConfig limits = new HttpDecoderConfig()
                .setMaxInitialLineLength(Contract.MAX_REQUEST_HEAD_BYTES)
                .setMaxHeaderSize(Contract.MAX_REQUEST_HEAD_BYTES);
        Reply reply = new Reply(date);
        ch.pipeline().addLast(
                new HttpServerCodec(limits),
                new RequestHandler(config, reply, clients.get(ch.eventLoop())));
    }
}

package dev.lastfmmcp.hawtio;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Hawtio 4 ({@code hawtio-default} war) on 127.0.0.1:{@code port}/hawtio. Its proxy reaches only the Last.fm MCP
 * server's Jolokia ({@code http://127.0.0.1:<jolokiaPort>/observe/jolokia}): every other proxy target is 403, on top
 * of Hawtio's own host allow-list ({@code /proxy/enabled}, which only says whether the proxy is on, is answered).
 * Arguments: war, port, Jolokia port.
 */
public final class HawtioLauncher {

    private HawtioLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String war = args[0];
        int port = Integer.parseInt(args[1]);
        String jolokiaPort = args[2];
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebAppContext hawtio = new WebAppContext();
        hawtio.setContextPath("/hawtio");
        hawtio.setWar(war);
        hawtio.setExtractWAR(true);
        String allowed = "/proxy/http/127.0.0.1/" + jolokiaPort + "/observe/jolokia";
        Filter onlyTheServersJolokia = (request, response, chain) -> {
            String path = ((HttpServletRequest) request).getPathInfo();
            String inContext = ((HttpServletRequest) request).getServletPath() + (path == null ? "" : path);
            if (inContext.equals(allowed) || inContext.startsWith(allowed + "/")
                || inContext.equals("/proxy/enabled")) {
                chain.doFilter(request, response);
            } else {
                ((HttpServletResponse) response).sendError(403, "this console reaches only " + allowed);
            }
        };
        hawtio.addFilter(new FilterHolder(onlyTheServersJolokia), "/proxy/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(hawtio);
        server.start();
        System.out.println("Hawtio at http://127.0.0.1:" + connector.getLocalPort() + "/hawtio/ (connect to "
                           + "http://127.0.0.1:" + jolokiaPort + "/observe/jolokia)");
        server.join();
    }

}

package dev.glosa.io.datasus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;

/** An FTP server (Apache Commons Net): passive, binary, time-outs on connect, replies and data, REST to resume. */
final class FtpMirror implements Mirror {
    private final URI uri;
    private final Duration timeout;

    FtpMirror(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
    }

    @Override
    public String label() {
        return uri.toString();
    }

    @Override
    public Session open() throws IOException {
        FTPClient client = new FTPClient();
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        client.setConnectTimeout(ms);
        client.setDefaultTimeout(ms);
        client.setDataTimeout(timeout);
        try {
            client.connect(uri.getHost(), uri.getPort() < 0 ? FTP.DEFAULT_PORT : uri.getPort());
            client.setSoTimeout(ms);
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new IOException("refused the connection: " + reply(client));
            }
            String user = "anonymous";
            String password = "glosa@";
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            }
            if (!client.login(user, password)) {
                throw new IOException("refused the login of '" + user + "': " + reply(client));
            }
            client.enterLocalPassiveMode();
            if (!client.setFileType(FTP.BINARY_FILE_TYPE)) {
                throw new IOException("refused binary mode: " + reply(client));
            }
            return new FtpSession(client, uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IOException | RuntimeException e) {
            disconnect(client);
            throw e;
        }
    }

    private static String reply(FTPClient client) {
        String r = client.getReplyString();
        return r == null ? "no reply" : r.strip().replace("\r\n", " ").replace('\n', ' ');
    }

    private static void disconnect(FTPClient client) {
        if (client.isConnected()) {
            try {
                client.disconnect();
            } catch (IOException e) {
                // the connection is being dropped anyway; nothing to tell the user
            }
        }
    }

    private static final class FtpSession implements Session {
        private final FTPClient client;
        private final String prefix;

        FtpSession(FTPClient client, String prefix) {
            this.client = client;
            this.prefix = prefix;
        }

        @Override
        public RemoteInfo stat(String path) throws IOException {
            String full = prefix + path;
            String size = client.getSize(full);
            if (size != null) {
                String mdtm = client.getModificationTime(full);
                return new RemoteInfo(Long.parseLong(size.trim()), mdtm == null ? "" : mdtm.trim());
            }
            int code = client.getReplyCode();
            if (code == FTPReply.FILE_UNAVAILABLE) {
                throw new NotFoundException(reply(client));
            }
            // A server without SIZE: the directory listing of the one file says size and time.
            FTPFile[] files = client.listFiles(full);
            if (files == null || files.length != 1 || !files[0].isFile()) {
                throw new NotFoundException(reply(client));
            }
            FTPFile f = files[0];
            return new RemoteInfo(
                    f.getSize(),
                    f.getTimestamp() == null ? "" : f.getTimestamp().toInstant().toString());
        }

        @Override
        public void download(String path, long offset, OutputStream out, Chunks progress) throws IOException {
            client.setRestartOffset(offset);
            InputStream in = client.retrieveFileStream(prefix + path);
            if (in == null) {
                if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE) {
                    throw new NotFoundException(reply(client));
                }
                throw new IOException(
                        "refused RETR" + (offset > 0 ? " from byte " + offset : "") + ": " + reply(client));
            }
            try (in) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    progress.written(n);
                }
            }
            if (!client.completePendingCommand()) {
                throw new IOException("the transfer ended with " + reply(client));
            }
        }

        @Override
        public void close() {
            try {
                if (client.isConnected()) {
                    client.logout();
                }
            } catch (IOException e) {
                // logout is a courtesy; the socket is closed below either way
            }
            disconnect(client);
        }
    }
}

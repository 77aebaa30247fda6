package dev.glosa.io.datasus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;

/**
 * A real FTP server (Apache MINA FtpServer) on a loopback ephemeral port, serving a folder to anonymous users, with
 * faults injected per file name and a count of the transfers of each file.
 */
final class FtpFixture implements AutoCloseable {

    /** What the server does wrong when it sends a file. */
    enum Fault {
        /** The first transfer ends (as if complete) after half the bytes; later ones are whole. */
        CUT_ONCE,
        /** Every transfer stalls for a second before each chunk. */
        SLOW,
        /** Every transfer is paced at about 100 kB/s, so that two fetches overlap. */
        PACED
    }

    final Path root;
    final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> transfers = new ConcurrentHashMap<>();
    private final FtpServer server;
    private final int port;

    private FtpFixture(Path root) throws FtpException {
        this.root = root;
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());
        var users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser anonymous = new BaseUser();
        anonymous.setName("anonymous");
        anonymous.setHomeDirectory(root.toString());
        users.save(anonymous);
        factory.setUserManager(users);
        NativeFileSystemFactory nativeFs = new NativeFileSystemFactory();
        factory.setFileSystem(user -> new FaultyView(nativeFs.createFileSystemView(user)));
        server = factory.createServer();
        server.start();
        port = factory.getListener("default").getPort();
    }

    static FtpFixture start(Path root) throws FtpException {
        return new FtpFixture(root);
    }

    URI uri() {
        return URI.create("ftp://127.0.0.1:" + port);
    }

    /** Transfers of {@code fileName} begun so far (RETR commands that opened the file). */
    int transfers(String fileName) {
        AtomicInteger n = transfers.get(fileName);
        return n == null ? 0 : n.get();
    }

    int allTransfers() {
        return transfers.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        if (!server.isStopped()) {
            server.stop();
        }
    }

    private final class FaultyView implements FileSystemView {
        private final FileSystemView view;

        FaultyView(FileSystemView view) {
            this.view = view;
        }

        @Override
        public FtpFile getHomeDirectory() throws FtpException {
            return view.getHomeDirectory();
        }

        @Override
        public FtpFile getWorkingDirectory() throws FtpException {
            return view.getWorkingDirectory();
        }

        @Override
        public boolean changeWorkingDirectory(String dir) throws FtpException {
            return view.changeWorkingDirectory(dir);
        }

        @Override
        public FtpFile getFile(String file) throws FtpException {
            return new FaultyFile(view.getFile(file));
        }

        @Override
        public boolean isRandomAccessible() throws FtpException {
            return view.isRandomAccessible();
        }

        @Override
        public void dispose() {
            view.dispose();
        }
    }

    private final class FaultyFile implements FtpFile {
        private final FtpFile file;

        FaultyFile(FtpFile file) {
            this.file = file;
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            int n = transfers
                    .computeIfAbsent(file.getName(), k -> new AtomicInteger())
                    .incrementAndGet();
            Fault fault = faults.get(file.getName());
            InputStream in = file.createInputStream(offset);
            if (fault == Fault.CUT_ONCE && n == 1) {
                return new Limited(in, (file.getSize() - offset) / 2, 0);
            }
            if (fault == Fault.SLOW) {
                return new Limited(in, Long.MAX_VALUE, 1_000);
            }
            if (fault == Fault.PACED) {
                return new Limited(in, Long.MAX_VALUE, 80);
            }
            return in;
        }

        // The rest only delegates.
        @Override
        public String getAbsolutePath() {
            return file.getAbsolutePath();
        }

        @Override
        public String getName() {
            return file.getName();
        }

        @Override
        public boolean isHidden() {
            return file.isHidden();
        }

        @Override
        public boolean isDirectory() {
            return file.isDirectory();
        }

        @Override
        public boolean isFile() {
            return file.isFile();
        }

        @Override
        public boolean doesExist() {
            return file.doesExist();
        }

        @Override
        public boolean isReadable() {
            return file.isReadable();
        }

        @Override
        public boolean isWritable() {
            return false;
        }

        @Override
        public boolean isRemovable() {
            return false;
        }

        @Override
        public String getOwnerName() {
            return file.getOwnerName();
        }

        @Override
        public String getGroupName() {
            return file.getGroupName();
        }

        @Override
        public int getLinkCount() {
            return file.getLinkCount();
        }

        @Override
        public long getLastModified() {
            return file.getLastModified();
        }

        @Override
        public boolean setLastModified(long time) {
            return false;
        }

        @Override
        public long getSize() {
            return file.getSize();
        }

        @Override
        public Object getPhysicalFile() {
            return file.getPhysicalFile();
        }

        @Override
        public boolean mkdir() {
            return false;
        }

        @Override
        public boolean delete() {
            return false;
        }

        @Override
        public boolean move(FtpFile destination) {
            return false;
        }

        @Override
        public List<? extends FtpFile> listFiles() {
            List<? extends FtpFile> files = file.listFiles();
            return files == null ? null : files.stream().map(FaultyFile::new).toList();
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            throw new IOException("read-only test server");
        }
    }

    /** Ends after {@code limit} bytes, pausing {@code pauseMillis} before each chunk of at most 8 KiB. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private final long pauseMillis;
        private long left;

        Limited(InputStream in, long limit, long pauseMillis) {
            this.in = in;
            this.left = limit;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            int n = in.read(b, off, (int) Math.min(Math.min(len, 8192), left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

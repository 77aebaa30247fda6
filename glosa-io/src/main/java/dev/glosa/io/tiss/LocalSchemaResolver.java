package dev.glosa.io.tiss;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Serves the schema documents an XSD imports or includes from one local folder, by file name, and refuses anything
 * else: no schema is ever fetched from the network.
 *
 * <p>{@code xmldsig-core-schema.xsd} declares a DOCTYPE pointing at {@code http://www.w3.org/2001/XMLSchema.dtd}. A DTD
 * in a schema document only adds attribute defaults and entities for authoring tools; the schema's meaning does not
 * depend on it, so any external DTD a schema document asks for is served as an empty document (the file's internal
 * subset still applies) instead of being fetched.
 */
final class LocalSchemaResolver implements LSResourceResolver {
    private static final String XML_TYPE = "http://www.w3.org/TR/REC-xml";

    private final Path directory;

    LocalSchemaResolver(Path directory) {
        this.directory = directory;
    }

    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId, String baseUri) {
        if (XML_TYPE.equals(type)) {
            return new Input(publicId, systemId, baseUri, new ByteArrayInputStream(new byte[0]));
        }
        if (systemId == null || systemId.isBlank()) {
            throw new UncheckedIOException(new FileNotFoundException("schema for namespace " + namespaceUri
                    + " requested by " + baseUri + " names no file; nothing is fetched from the network"));
        }
        String name = systemId.substring(Math.max(systemId.lastIndexOf('/'), systemId.lastIndexOf('\\')) + 1);
        Path file = directory.resolve(name).normalize();
        if (name.isEmpty()
                || !name.matches("[A-Za-z0-9_.-]+")
                || !file.getParent().equals(directory.normalize())
                || !Files.isRegularFile(file)) {
            throw new UncheckedIOException(new FileNotFoundException("schema '" + systemId + "' requested by "
                    + baseUri + " is not in the local schema folder " + directory
                    + "; nothing is fetched from the network"));
        }
        try {
            return new Input(publicId, file.toUri().toString(), baseUri, Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + file, e);
        }
    }

    /** A byte-stream {@link LSInput}. */
    private static final class Input implements LSInput {
        private String publicId;
        private String systemId;
        private String baseUri;
        private InputStream bytes;
        private Reader characters;
        private String stringData;
        private String encoding;
        private boolean certified;

        Input(String publicId, String systemId, String baseUri, InputStream bytes) {
            this.publicId = publicId;
            this.systemId = systemId;
            this.baseUri = baseUri;
            this.bytes = bytes;
        }

        @Override
        public Reader getCharacterStream() {
            return characters;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
            this.characters = characterStream;
        }

        @Override
        public InputStream getByteStream() {
            return bytes;
        }

        @Override
        public void setByteStream(InputStream byteStream) {
            this.bytes = byteStream;
        }

        @Override
        public String getStringData() {
            return stringData;
        }

        @Override
        public void setStringData(String stringData) {
            this.stringData = stringData;
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {
            this.systemId = systemId;
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {
            this.publicId = publicId;
        }

        @Override
        public String getBaseURI() {
            return baseUri;
        }

        @Override
        public void setBaseURI(String baseURI) {
            this.baseUri = baseURI;
        }

        @Override
        public String getEncoding() {
            return encoding;
        }

        @Override
        public void setEncoding(String encoding) {
            this.encoding = encoding;
        }

        @Override
        public boolean getCertifiedText() {
            return certified;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
            this.certified = certifiedText;
        }
    }
}

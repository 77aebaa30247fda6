package dev.glosa.io.tiss;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates TISS files against the ANS schemas, offline: the XSDs are read from a folder the caller gives (e.g. the
 * schemas published by ANS, never shipped with the library), nothing is fetched from the network, and the file itself
 * is parsed with the same refusal of DTDs and entities as the reader.
 *
 * <p>The schema is picked by the version in the file's header ({@code Padrao} 4.01.00 reads {@code tissV4_01_00.xsd});
 * each version is compiled once per validator. Instances are thread-safe.
 *
 * <p>Glosa codes are checked against Tabela 38, not against the schema's list: {@code dm_tipoGlosa} of 4.03.00 lacks
 * the valid codes 5063 to 5086 (and keeps codes Tabela 38 dropped), so a schema error that only says a glosa code is
 * not in that list is dropped when the shipped {@link Tabela38} has the code. A code Tabela 38 lacks is still an
 * error here, and the reader counts it in {@link TissReadReport#unknownReasonCodes()}.
 */
public final class TissSchemaValidator {
    /** The most schema errors kept per file; validation goes on to the end of the file regardless. */
    public static final int MAX_ERRORS = 100;

    private final Path directory;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private TissSchemaValidator(Path directory) {
        this.directory = directory;
    }

    /**
     * A validator reading the XSDs of {@code directory}.
     *
     * @param directory the folder of ANS schemas
     * @return the validator
     * @throws NoSuchFileException if the folder does not exist
     */
    public static TissSchemaValidator fromDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "the TISS schema folder must be a directory");
        }
        return new TissSchemaValidator(directory.toAbsolutePath().normalize());
    }

    /**
     * Validates the file at {@code file}; see {@link #validate(TissInput)}.
     *
     * @param file the file
     * @throws IOException when the file cannot be read
     * @return the problems found, one line each; empty when the file is valid
     */
    public List<String> validate(Path file) throws IOException {
        return validate(TissInput.of(file));
    }

    /**
     * The schema errors of {@code input}, one line each ({@code file:line:column: message}), at most
     * {@value #MAX_ERRORS}; empty when the file is valid.
     *
     * @param input the input
     * @return the errors, empty when valid
     * @throws TissFormatException if the file is not well-formed, carries a DOCTYPE, names no version, or its version
     *     has no schema in the folder
     */
    public List<String> validate(TissInput input) throws IOException {
        String version = versionOf(input);
        Schema schema = schema(version, input.name());
        Validator v = schema.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new TissFormatException(
                    input.name(), -1, -1, "cannot forbid external access to the validator: " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // schema warnings do not make a file invalid
            }

            @Override
            public void error(SAXParseException e) {
                if (knownGlosaCode(e.getMessage())) {
                    return;
                }
                if (errors.size() < MAX_ERRORS) {
                    errors.add(
                            input.name() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        try (InputStream in = input.opener().open()) {
            InputSource source = new InputSource(in);
            source.setSystemId(input.name());
            v.validate(new SAXSource(SecureXml.saxReader(input.name()), source));
        } catch (SAXParseException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (msg.contains("DOCTYPE")) {
                msg = SecureXml.NO_DTD + " (" + msg + ")";
            }
            throw new TissFormatException(input.name(), e.getLineNumber(), e.getColumnNumber(), msg, e);
        } catch (SAXException e) {
            throw new TissFormatException(input.name(), -1, -1, "validation failed: " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(errors);
    }

    // dm_tipoGlosa is the one enumeration of the TISS schemas that starts with 1001, 1002; the type error that follows
    // an enumeration error names the element, one of those typed dm_tipoGlosa.
    private static final java.util.regex.Pattern GLOSA_ENUMERATION = java.util.regex.Pattern.compile(
            "cvc-enumeration-valid: Value '([0-9]{1,4})' is not facet-valid with respect to enumeration '\\[1001, 1002,.*",
            java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern GLOSA_ELEMENT = java.util.regex.Pattern.compile(
            "cvc-type\\.3\\.1\\.3: The value '([0-9]{1,4})' of element '(?:[A-Za-z]+:)?(?:codigoGlosa|tipoGlosa|"
                    + "codigoGlosaProtocolo|codGlosaGuia|codGlosaItem|codGlosa|codigoGlosaGuia|codigoGlosaItem)' is "
                    + "not valid\\..*",
            java.util.regex.Pattern.DOTALL);

    /** Whether {@code message} only says that a glosa code Tabela 38 has is missing from the schema's list. */
    static boolean knownGlosaCode(String message) {
        if (message == null) {
            return false;
        }
        java.util.regex.Matcher m = GLOSA_ENUMERATION.matcher(message);
        if (!m.matches()) {
            m = GLOSA_ELEMENT.matcher(message);
            if (!m.matches()) {
                return false;
            }
        }
        return Tabela38.defaultTable()
                .find(m.group(1))
                .filter(Tabela38.Entry::inEdition)
                .isPresent();
    }

    /** The compiled schema of {@code version} ({@code "4.01.00"}). */
    Schema schema(String version, String forFile) throws TissFormatException {
        Schema s = schemas.get(version);
        if (s != null) {
            return s;
        }
        if (!version.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new TissFormatException(
                    forFile,
                    -1,
                    -1,
                    "the TISS version in <Padrao> must look like 4.01.00; " + "found '" + version + "'");
        }
        Path main = directory.resolve("tissV" + version.replace('.', '_') + ".xsd");
        if (!Files.isRegularFile(main)) {
            throw new TissFormatException(
                    forFile,
                    -1,
                    -1,
                    "no schema for TISS version " + version + ": " + main.getFileName() + " is not in " + directory);
        }
        SchemaFactory f = SchemaFactory.newDefaultInstance();
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setResourceResolver(new LocalSchemaResolver(directory));
            try (InputStream in = Files.newInputStream(main)) {
                s = f.newSchema(new StreamSource(in, main.toUri().toString()));
            }
        } catch (UncheckedIOException e) {
            throw new TissFormatException(main.toString(), -1, -1, e.getCause().getMessage(), e.getCause());
        } catch (SAXParseException e) {
            throw new TissFormatException(
                    String.valueOf(e.getSystemId()),
                    e.getLineNumber(),
                    e.getColumnNumber(),
                    "cannot compile TISS schema " + version + ": " + e.getMessage(),
                    e);
        } catch (SAXException | IOException e) {
            throw new TissFormatException(
                    main.toString(), -1, -1, "cannot compile TISS schema " + version + ": " + e.getMessage(), e);
        }
        schemas.put(version, s);
        return s;
    }

    /** The version in the header of {@code input} ({@code cabecalho/Padrao}), read without reading the rest. */
    static String versionOf(TissInput input) throws IOException {
        try (InputStream in = input.opener().open()) {
            XMLStreamReader r = SecureXml.open(in, input.name());
            try {
                boolean inPadrao = false;
                StringBuilder sb = new StringBuilder();
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.DTD) {
                        throw new TissFormatException(
                                input.name(),
                                r.getLocation().getLineNumber(),
                                r.getLocation().getColumnNumber(),
                                SecureXml.NO_DTD);
                    } else if (ev == XMLStreamConstants.START_ELEMENT) {
                        inPadrao = r.getLocalName().equals("Padrao");
                    } else if (ev == XMLStreamConstants.CHARACTERS && inPadrao) {
                        sb.append(r.getText());
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        if (inPadrao) {
                            return sb.toString().strip();
                        }
                        if (r.getLocalName().equals("cabecalho")) {
                            break;
                        }
                    }
                }
                throw new TissFormatException(
                        input.name(),
                        r.getLocation().getLineNumber(),
                        -1,
                        "no <Padrao> (TISS version) in the message header; cannot pick a schema");
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw SecureXml.error(input.name(), e);
        }
    }
}

package dev.glosa.io.tiss;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Hardened XML parsers for TISS files, which come from outside the hospital and must be treated as hostile.
 *
 * <p>TISS messages never carry a DTD, so none is accepted: the StAX factory does not process DTDs, resolve external
 * entities or replace entity references, and the readers refuse the DTD and entity-reference events outright. That
 * blocks external entities (XXE, e.g. {@code file:///etc/passwd}), entity expansion (billion laughs: nothing is
 * expanded, so the expansion is bounded at zero) and any network access. StAX has no XInclude. The SAX parser used
 * for schema validation is configured the same way ({@code disallow-doctype-decl}, no external entities, no external
 * DTD, secure processing, XInclude off).
 */
final class SecureXml {
    /** The rule quoted when a file carries a DOCTYPE. */
    static final String NO_DTD = "a TISS file must not declare a DOCTYPE (DTDs and entities are refused: they allow "
            + "reading local files (XXE) and entity-expansion attacks)";

    private static final XMLInputFactory FACTORY = newFactory();

    private SecureXml() {}

    private static XMLInputFactory newFactory() {
        // The JDK's own implementation, not whatever is on the class path, so that behaviour is the same everywhere.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource '" + systemId + "' refused: TISS files are read offline");
        });
        return f;
    }

    /** A streaming reader over {@code in}; the encoding comes from the XML declaration (UTF-8 by default). */
    static XMLStreamReader open(InputStream in, String file) throws TissFormatException {
        try {
            synchronized (FACTORY) {
                return FACTORY.createXMLStreamReader(in);
            }
        } catch (XMLStreamException e) {
            throw error(file, e);
        }
    }

    /** A SAX reader that refuses any DOCTYPE, for schema validation. */
    static XMLReader saxReader(String file) throws TissFormatException {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setErrorHandler(new org.xml.sax.ErrorHandler() {
                // The default handler prints to stderr; errors go to the caller as exceptions instead.
                @Override
                public void warning(org.xml.sax.SAXParseException e) {}

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            r.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external resource '" + systemId + "' refused: TISS files are read offline");
            });
            return r;
        } catch (ParserConfigurationException | SAXException e) {
            throw new TissFormatException(file, -1, -1, "cannot configure a secure XML parser: " + e.getMessage(), e);
        }
    }

    /** A one-line error naming the file and the parser's position. */
    static TissFormatException error(String file, XMLStreamException e) {
        Location loc = e.getLocation();
        long line = loc == null ? -1 : loc.getLineNumber();
        long col = loc == null ? -1 : loc.getColumnNumber();
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + "Message: ".length());
        }
        return new TissFormatException(file, line, col, "not well-formed or refused XML: " + msg.strip(), e);
    }
}

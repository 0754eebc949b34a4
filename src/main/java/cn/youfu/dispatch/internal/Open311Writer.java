package cn.youfu.dispatch.internal;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * Writes Open311's documents: JSON as the specification's arrays and objects, XML with its root elements and an XML
 * declaration naming UTF-8; absent values as JSON nulls and empty XML elements ({@code <zipcode/>}), as the
 * specification's examples show them.
 */
@Component
class Open311Writer {

    private final JsonMapper json = JsonMapper.builder().build();
    private final XmlMapper xml = XmlMapper.builder()
            .disable(XmlWriteFeature.WRITE_NULLS_AS_XSI_NIL)
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .build();

    /** A document: {@code asJson} in JSON, {@code asXml} (its XML root) in XML. */
    ResponseEntity<byte[]> answer(HttpStatus status, Open311Format format, Object asJson, Object asXml) {
        return ResponseEntity.status(status).contentType(format.type()).body(write(format, asJson, asXml));
    }

    /** The specification's error list of one error, whose code is the HTTP status. */
    byte[] errors(Open311Format format, int status, String description) {
        var list = List.of(new Open311.Error(status, description));
        return write(format, list, new Open311.Errors(list));
    }

    private byte[] write(Open311Format format, Object asJson, Object asXml) {
        return format == Open311Format.XML ? xml.writeValueAsBytes(asXml) : json.writeValueAsBytes(asJson);
    }
}

package cn.youfu.dispatch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The documents of Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), its service discovery and the
 * {@code servicerequestupdates} extension, field by field. JSON answers are arrays of these (discovery and a service
 * definition are objects); XML answers wrap them in the specification's root elements ({@code services},
 * {@code service_requests}, {@code service_request_updates}, {@code errors}).
 */
final class Open311 {

    private Open311() {
    }

    @JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
    record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
                   String description, boolean metadata, String type, String keywords, String group) {
    }

    @JacksonXmlRootElement(localName = "services")
    record Services(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service")
                    List<Service> service) {
    }

    @JacksonXmlRootElement(localName = "service_definition")
    @JsonPropertyOrder({"service_code", "attributes"})
    record ServiceDefinition(@JsonProperty("service_code") String serviceCode,
                             @JacksonXmlElementWrapper(localName = "attributes")
                             @JacksonXmlProperty(localName = "attribute") List<Attribute> attributes) {
    }

    @JsonPropertyOrder({"variable", "code", "datatype", "required", "datatype_description", "order", "description",
            "values"})
    record Attribute(boolean variable, String code, String datatype, boolean required,
                     @JsonProperty("datatype_description") String datatypeDescription, int order, String description,
                     @JacksonXmlElementWrapper(localName = "values") @JacksonXmlProperty(localName = "value")
                     List<Value> values) {
    }

    record Value(String key, String name) {
    }

    @JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code",
            "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"})
    record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
                   @JsonProperty("status_notes") String statusNotes,
                   @JsonProperty("service_name") String serviceName,
                   @JsonProperty("service_code") String serviceCode, String description,
                   @JsonProperty("agency_responsible") String agencyResponsible,
                   @JsonProperty("service_notice") String serviceNotice,
                   @JsonProperty("requested_datetime") String requestedDatetime,
                   @JsonProperty("updated_datetime") String updatedDatetime,
                   @JsonProperty("expected_datetime") String expectedDatetime, String address,
                   @JsonProperty("address_id") String addressId, String zipcode, Double lat,
                   @JsonProperty("long") Double longitude, @JsonProperty("media_url") String mediaUrl) {
    }

    @JsonPropertyOrder({"service_request_id", "token", "service_notice", "account_id"})
    record Created(@JsonProperty("service_request_id") String serviceRequestId, String token,
                   @JsonProperty("service_notice") String serviceNotice,
                   @JsonProperty("account_id") String accountId) {
    }

    @JsonPropertyOrder({"service_request_id", "token"})
    record Token(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }

    @JacksonXmlRootElement(localName = "service_requests")
    record ServiceRequests(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
                           List<?> request) {
    }

    record Error(int code, String description) {
    }

    @JacksonXmlRootElement(localName = "errors")
    record Errors(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error")
                  List<Error> error) {
    }

    @JacksonXmlRootElement(localName = "discovery")
    @JsonPropertyOrder({"changeset", "contact", "key_service", "endpoints"})
    record Discovery(String changeset, String contact, @JsonProperty("key_service") String keyService,
                     @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint")
                     List<Endpoint> endpoints) {
    }

    @JsonPropertyOrder({"specification", "url", "changeset", "type", "formats"})
    record Endpoint(String specification, String url, String changeset, String type,
                    @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format")
                    List<String> formats) {
    }

    @JsonPropertyOrder({"update_id", "service_request_id", "status", "updated_datetime", "description", "media_url",
            "external_status_code"})
    record Update(@JsonProperty("update_id") String updateId,
                  @JsonProperty("service_request_id") String serviceRequestId, String status,
                  @JsonProperty("updated_datetime") String updatedDatetime, String description,
                  @JsonProperty("media_url") String mediaUrl,
                  @JsonProperty("external_status_code") String externalStatusCode) {
    }

    record UpdateReceipt(@JsonProperty("update_id") String updateId) {
    }

    @JacksonXmlRootElement(localName = "service_request_updates")
    record ServiceRequestUpdates(@JacksonXmlElementWrapper(useWrapping = false)
                                 @JacksonXmlProperty(localName = "request_update") List<?> requestUpdate) {
    }
}

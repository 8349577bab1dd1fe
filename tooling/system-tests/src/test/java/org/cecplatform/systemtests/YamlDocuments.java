package org.cecplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The documents of a YAML file (several for Kubernetes manifests), parsed with Jackson. Jackson reads an alias as
 * the anchor's name and knows no merge keys, so the Compose idiom {@code <<: *service-env} is resolved here: a
 * {@code <<} field naming an anchor of the same document is replaced by the anchored mapping's fields (explicit
 * fields win, as in YAML).
 */
final class YamlDocuments {

    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final YAMLFactory FACTORY = MAPPER.getFactory();

    private YamlDocuments() {
    }

    /** The documents of that {@code kind} in the directory's {@code .yaml} files (not its subdirectories), in file order. */
    static List<JsonNode> ofKind(Path directory, String kind) {
        List<JsonNode> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                read(file).stream().filter(d -> d.path("kind").asText().equals(kind)).forEach(found::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static List<JsonNode> read(Path file) {
        try (YAMLParser parser = FACTORY.createParser(file.toFile())) {
            List<JsonNode> documents = MAPPER.readValues(parser, JsonNode.class).readAll();
            Map<String, JsonNode> anchors = anchors(file);
            documents.forEach(document -> resolveMergeKeys(document, anchors));
            return documents.stream().filter(document -> document != null && !document.isMissingNode() && !document.isNull()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every anchored mapping of the file, by anchor name. */
    private static Map<String, JsonNode> anchors(Path file) throws IOException {
        Map<String, JsonNode> anchors = new HashMap<>();
        try (YAMLParser parser = FACTORY.createParser(file.toFile())) {
            parser.setCodec(MAPPER);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT && parser.getObjectId() != null) {
                    String anchor = parser.getObjectId().toString();
                    anchors.put(anchor, parser.readValueAsTree());
                }
            }
        }
        return anchors;
    }

    private static void resolveMergeKeys(JsonNode node, Map<String, JsonNode> anchors) {
        if (node instanceof ObjectNode object) {
            JsonNode merge = object.remove("<<");
            if (merge != null) {
                JsonNode source = anchors.get(merge.asText());
                if (source == null || !source.isObject()) {
                    throw new IllegalArgumentException("Merge key '<<' names no anchored mapping: " + merge);
                }
                for (Iterator<Map.Entry<String, JsonNode>> fields = source.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!object.has(field.getKey())) {
                        object.set(field.getKey(), field.getValue().deepCopy());
                    }
                }
            }
            object.forEach(child -> resolveMergeKeys(child, anchors));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> resolveMergeKeys(child, anchors));
        }
    }
}

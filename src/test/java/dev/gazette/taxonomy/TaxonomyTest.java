package dev.gazette.taxonomy;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class TaxonomyTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> findNode(List<Map<String, Object>> nodes, long id) {
        for (Map<String, Object> node : nodes) {
            if (((Number) node.get("id")).longValue() == id) {
                return node;
            }
            Map<String, Object> inChild = findNode((List<Map<String, Object>>) node.getOrDefault("children", List.of()), id);
            if (inChild != null) {
                return inChild;
            }
        }
        return null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void treeViewNestsCategoriesWithPublishedCounts() {
        long root = Fixtures.category("Root " + unique("r"), null);
        long mid = Fixtures.category("Mid", root);
        long leafB = Fixtures.category("B leaf", mid);
        long leafA = Fixtures.category("A leaf", mid);
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("categories", List.of(leafA)));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("categories", List.of(leafA, mid)));
        asAdmin().body(Map.of("title", unique("draft"), "categories", List.of(leafA))).post("/api/v1/posts").then().statusCode(201);

        JsonPath tree = given().queryParam("view", "tree").get("/api/v1/categories").then().statusCode(200).extract().jsonPath();
        Map<String, Object> rootNode = findNode(tree.getList("items"), root);
        assertNotNull(rootNode);
        assertEquals(null, rootNode.get("parentId"));
        // postCount: posts under the category or below it, each once; directPostCount: filed under it
        assertEquals(2, ((Number) rootNode.get("postCount")).intValue(), "the root counts its sub-categories' posts");
        assertEquals(0, ((Number) rootNode.get("directPostCount")).intValue());
        List<Map<String, Object>> midLevel = (List<Map<String, Object>>) rootNode.get("children");
        assertEquals(1, midLevel.size());
        assertEquals(2, ((Number) midLevel.get(0).get("postCount")).intValue(), "a post in a child and its parent counts once");
        assertEquals(1, ((Number) midLevel.get(0).get("directPostCount")).intValue());
        List<Map<String, Object>> leaves = (List<Map<String, Object>>) midLevel.get(0).get("children");
        assertEquals(List.of(leafA, leafB), leaves.stream().map(n -> ((Number) n.get("id")).longValue()).toList());
        assertEquals(2, ((Number) leaves.get(0).get("postCount")).intValue(), "drafts are not counted");
        assertEquals(2, ((Number) leaves.get(0).get("directPostCount")).intValue());
        assertEquals(0, ((Number) leaves.get(1).get("postCount")).intValue());

        given().get("/api/v1/categories/" + leafA).then().statusCode(200)
                .body("parentId", equalTo((int) mid)).body("postCount", equalTo(2)).body("directPostCount", equalTo(2));
        given().get("/api/v1/categories/" + root).then().statusCode(200).body("postCount", equalTo(2)).body("directPostCount", equalTo(0));
        // the filter lists what the count counts
        for (long category : List.of(root, mid, leafA, leafB)) {
            long count = given().get("/api/v1/categories/" + category).jsonPath().getLong("postCount");
            given().queryParam("category", category).get("/api/v1/posts").then().statusCode(200)
                    .body("page.total", equalTo((int) count)).body("items", org.hamcrest.Matchers.hasSize((int) count));
        }

        // moving a sub-tree moves its posts' counts to the new ancestors
        long elsewhere = Fixtures.category("Elsewhere " + unique("e"), null);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("parentId", elsewhere))
                .patch("/api/v1/categories/" + mid).then().statusCode(200);
        given().get("/api/v1/categories/" + elsewhere).then().statusCode(200).body("postCount", equalTo(2));
        given().get("/api/v1/categories/" + root).then().statusCode(200).body("postCount", equalTo(0));
        given().queryParam("category", elsewhere).get("/api/v1/posts").then().statusCode(200).body("page.total", equalTo(2));
    }

    @Test
    void categoryCannotBecomeItsOwnAncestor() {
        long a = Fixtures.category("A " + unique("a"), null);
        long b = Fixtures.category("B " + unique("b"), a);
        long c = Fixtures.category("C " + unique("c"), b); // moved to the root below: its name must be free there
        asAdmin().contentType("application/merge-patch+json").body(Map.of("parentId", c))
                .patch("/api/v1/categories/" + a).then().statusCode(409).contentType("application/problem+json");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("parentId", a))
                .patch("/api/v1/categories/" + a).then().statusCode(409);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("parentId", 987654321))
                .patch("/api/v1/categories/" + a).then().statusCode(422).body("errors[0].field", equalTo("parentId"));
        asAdmin().contentType("application/merge-patch+json").body("{\"parentId\": null}")
                .patch("/api/v1/categories/" + c).then().statusCode(200).body("parentId", nullValue());
    }

    @Test
    void twoCategoriesWithTheSameNameUnderOneParentAreRefused() {
        String name = "Harbour " + unique("h");
        long parent = Fixtures.category("Local " + unique("l"), null);
        long other = Fixtures.category("Council " + unique("c"), null);
        long first = Fixtures.category(name, parent);
        // on create: the same name (any case, spaces around) under the same parent, also among roots
        asAdmin().body(Map.of("name", "  " + name.toUpperCase() + " ", "parentId", parent)).post("/api/v1/categories")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(name)).body("detail", containsString("id " + first));
        long root = Fixtures.category(name, null);
        asAdmin().body(Map.of("name", name)).post("/api/v1/categories").then().statusCode(409)
                .body("detail", containsString("top of the tree"));
        // the same name under another parent is fine
        long second = Fixtures.category(name, other);
        // on move and on rename
        asAdmin().contentType("application/merge-patch+json").body(Map.of("parentId", parent))
                .patch("/api/v1/categories/" + second).then().statusCode(409).contentType("application/problem+json");
        long renamed = Fixtures.category("Ferries " + unique("f"), parent);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("name", name))
                .patch("/api/v1/categories/" + renamed).then().statusCode(409);
        asAdmin().body(Map.of("name", name, "parentId", parent)).put("/api/v1/categories/" + renamed).then().statusCode(409);
        // keeping one's own name, or changing only its case or description, is not a clash with itself
        asAdmin().contentType("application/merge-patch+json").body(Map.of("name", name.toLowerCase(), "description", "Boats"))
                .patch("/api/v1/categories/" + first).then().statusCode(200).body("name", equalTo(name.toLowerCase()));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("parentId", parent))
                .patch("/api/v1/categories/" + root).then().statusCode(409);
        given().get("/api/v1/categories/" + second).then().statusCode(200).body("parentId", equalTo((int) other));
    }

    @Test
    void deletingACategoryMovesItsChildrenUp() {
        long a = Fixtures.category("A " + unique("a"), null);
        long b = Fixtures.category("B " + unique("b"), a);
        long c = Fixtures.category("C " + unique("c"), b); // moved to the root below: its name must be free there
        asAdmin().delete("/api/v1/categories/" + b).then().statusCode(204);
        given().get("/api/v1/categories/" + b).then().statusCode(404);
        given().get("/api/v1/categories/" + c).then().statusCode(200).body("parentId", equalTo((int) a));
    }

    @Test
    void tagsSortByNameOrCountAndAutocompleteByPrefix() {
        String prefix = "zq" + unique("x").substring(2, 8);
        long rare = Fixtures.tag(prefix + " alpha");
        long common = Fixtures.tag(prefix + " beta");
        long unused = Fixtures.tag(prefix + " gamma");
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("tags", List.of(rare, common)));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("tags", List.of(common)));

        given().queryParam("q", prefix.toUpperCase()).get("/api/v1/tags").then().statusCode(200)
                .body("items.id", contains((int) rare, (int) common, (int) unused))
                .body("items.postCount", contains(1, 2, 0));
        given().queryParam("q", prefix).queryParam("sort", "count").get("/api/v1/tags").then().statusCode(200)
                .body("items.id", contains((int) common, (int) rare, (int) unused));
        String next = given().queryParam("q", prefix).queryParam("sort", "count").queryParam("limit", 2)
                .get("/api/v1/tags").jsonPath().getString("page.next");
        given().queryParam("q", prefix).queryParam("sort", "count").queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/tags").then().statusCode(200).body("items.id", contains((int) unused));
        given().queryParam("q", prefix + " b").get("/api/v1/tags").then().body("items.id", contains((int) common));
    }

    @Test
    void autocompleteTakesPercentAndUnderscoreLiterally() {
        String p = "zl" + unique("x").substring(2, 8);
        long percent = Fixtures.tag(p + "%off");
        long underscore = Fixtures.tag(p + "_x");
        long leading = Fixtures.tag("%" + p + " lead");
        Fixtures.tag(p + "Zoff"); // what "p%" and "p_" would match as LIKE wildcards
        Fixtures.tag(p + "Ax");
        given().queryParam("q", p + "%").get("/api/v1/tags").then().statusCode(200).body("items.id", contains((int) percent));
        given().queryParam("q", p + "_").get("/api/v1/tags").then().statusCode(200).body("items.id", contains((int) underscore));
        given().queryParam("q", "%" + p).get("/api/v1/tags").then().statusCode(200).body("items.id", contains((int) leading));
        given().queryParam("q", p + "\\").get("/api/v1/tags").then().statusCode(200).body("items", empty());
    }

    @Test
    void tagAndCategoryWritesSupportIfMatch() {
        long tag = Fixtures.tag(unique("t"));
        String etag = given().get("/api/v1/tags/" + tag).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("description", "One"))
                .patch("/api/v1/tags/" + tag).then().statusCode(200).body("description", equalTo("One"));
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("description", "Two"))
                .patch("/api/v1/tags/" + tag).then().statusCode(412);
        asAdmin().delete("/api/v1/tags/" + tag).then().statusCode(204);
        given().get("/api/v1/tags/" + tag).then().statusCode(404);
    }
}

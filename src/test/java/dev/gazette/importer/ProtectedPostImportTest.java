package dev.gazette.importer;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * WordPress' theme unit test export holds a published post protected by the password "enter": imported
 * through the import endpoint, it is published and protected, never open, and stays so when imported again.
 */
@QuarkusTest
class ProtectedPostImportTest {

    private static final String RUN = Fixtures.unique("p").substring(2);
    private static final String SECRET = "should not be visible until the password is entered";

    @Test
    void theThemeExportsPasswordProtectedPostIsImportedPublishedAndProtected() throws Exception {
        Assumptions.assumeTrue(ImportTest.themeFilePresent(), "../shared/fixtures/wordpress is not beside the checkout");
        JsonPath job = ImportTest.importFile(ImportTest.themeSite(ImportTest.themeFile(), RUN));
        assertEquals("succeeded", job.getString("status"), job.prettify());
        String path = "/api/v1/posts/template-password-protected-" + RUN;

        long id = given().get(path).then().statusCode(200).body("status", equalTo("published"))
                .body("protected", equalTo(true)).body("title", containsString("Password Protected"))
                .body("content", nullValue()).body("excerpt", equalTo("")).body(not(containsString(SECRET)))
                .extract().jsonPath().getLong("id");
        given().header("X-Post-Password", "enter").get(path).then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache")).body("content", containsString(SECRET));
        given().header("X-Post-Password", "Enter").get(path).then().statusCode(403)
                .body("type", endsWith("/incorrect-post-password"));
        // its text is not searchable; its title is (among this run's posts tagged "password")
        String tag = WxrImporter.slug("password-2-" + RUN, "", "tag");
        given().queryParam("q", "\"" + SECRET + "\"").queryParam("tag", tag).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().queryParam("q", "\"Template: Password Protected\"").queryParam("tag", tag).get("/api/v1/posts").then()
                .statusCode(200).body("items.id", hasItem((int) id));

        // imported again: unchanged, and still protected by the same password
        JsonPath again = ImportTest.importFile(ImportTest.themeSite(ImportTest.themeFile(), RUN));
        assertEquals(0, again.getInt("counts.posts.updated"));
        given().get(path).then().statusCode(200).body("protected", equalTo(true)).body("content", nullValue());
        given().header("X-Post-Password", "enter").get(path).then().statusCode(200).body("content", containsString(SECRET));
    }
}

package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class TaxonomyApiTest {

    @Test
    void theSeededTaxonomyIsListedWithSubcategories() {
        given().get("/api/v1/categories").then().statusCode(200)
                .body("code", hasItem("BILLING_DISPUTE"))
                .body("find { it.code == 'DATA_USAGE_DISPUTE' }.nameZh", equalTo("流量争议"))
                .body("find { it.code == 'MARKETING_VIOLATION' }.subcategories.code", hasItem("FORCED_BUNDLING"));
    }

    @Test
    void anAdministratorAddsACategoryThatIntakeThenAcceptsAndRetiresItAgain() {
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"5G套餐\",\"nameEn\":\"5G plans\"}")
                .put("/api/v1/categories/FIVE_G_PLAN").then().statusCode(201).body("active", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"限速\",\"nameEn\":\"Throttled\"}")
                .put("/api/v1/categories/FIVE_G_PLAN/subcategories/THROTTLED").then().statusCode(201);
        String body = IntakeApi.complaintJson("APP", IntakeApi.freshMsisdn(), "FIVE_G_PLAN", "5G is throttled")
                .replace("\"category\"", "\"subcategory\":\"THROTTLED\",\"category\"");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/complaints").then().statusCode(201);

        given().contentType(ContentType.JSON).body("{\"nameZh\":\"5G套餐\",\"nameEn\":\"5G plans\",\"active\":false}")
                .put("/api/v1/categories/FIVE_G_PLAN").then().statusCode(200).body("active", equalTo(false));
        given().get("/api/v1/categories").then().body("code", not(hasItem("FIVE_G_PLAN")));
        given().queryParam("includeInactive", true).get("/api/v1/categories").then().body("code", hasItem("FIVE_G_PLAN"));
        given().contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("APP", IntakeApi.freshMsisdn(), "FIVE_G_PLAN", "again"))
                .post("/api/v1/complaints").then().statusCode(400).body("violations[0].field", equalTo("category"));
    }

    @Test
    void badTaxonomyInputIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"x\",\"nameEn\":\"y\"}")
                .put("/api/v1/categories/bad code").then().statusCode(400)
                .body("violations[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"\"}").put("/api/v1/categories/OTHER").then()
                .statusCode(400).body("violations.field", hasItem("nameEn"));
        given().contentType(ContentType.JSON).body("{\"nameZh\":\"x\",\"nameEn\":\"y\"}")
                .put("/api/v1/categories/NO_SUCH/subcategories/X1").then().statusCode(404);
    }
}

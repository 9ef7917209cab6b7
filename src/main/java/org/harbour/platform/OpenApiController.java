package org.harbour.platform;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the OpenAPI document generated from the code at compile time under its public name. */
@Controller
@Hidden
class OpenApiController {

    static final String GENERATED = "META-INF/swagger/harbour-1.yml";

    private final String document;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(GENERATED)) {
            document = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> openApi() {
        return document.isEmpty() ? HttpResponse.notFound() : HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
    }
}

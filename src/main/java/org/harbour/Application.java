package org.harbour;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.harbour.importer.ImportCommand;
import org.harbour.platform.Bootstrap;

@OpenAPIDefinition(info = @Info(title = "Harbour", version = "1",
        description = "Shelter bed availability and placement tracker"))
public class Application {

    public static void main(String[] args) {
        if (ImportCommand.wanted(args)) {
            System.exit(ImportCommand.run(args, System.getenv(), System.out, System.err));
        }
        Bootstrap bootstrap = Bootstrap.fromEnvironment(System.getenv());
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(bootstrap.properties())
                .banner(false)
                .start();
    }
}

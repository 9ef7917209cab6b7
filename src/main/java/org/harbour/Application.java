package org.harbour;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.harbour.importer.ImportCommand;
import org.harbour.platform.ClassDataTraining;
import org.harbour.platform.HeapFootprint;
import org.harbour.platform.Startup;

@OpenAPIDefinition(info = @Info(title = "Harbour", version = "1",
        description = "Shelter bed availability and placement tracker"))
public class Application {

    public static void main(String[] args) {
        // first, so the heap never grows far past what is in use (platform/HeapFootprint; issue 20)
        HeapFootprint.apply();
        if (ImportCommand.wanted(args)) {
            System.exit(ImportCommand.run(args, System.getenv(), System.out, System.err));
        }
        // a failed start has logged its one line saying why (platform/StartupDiagnosis)
        int status = Startup.run(Application.class, args, System.getenv());
        if (status != 0 || ClassDataTraining.wanted()) {
            // a training run for class data sharing exits here, and the JVM writes its archive (ClassDataTraining)
            System.exit(status);
        }
    }
}

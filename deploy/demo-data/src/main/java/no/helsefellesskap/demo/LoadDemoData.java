package no.helsefellesskap.demo;

import no.helsefellesskap.infra.DevKeys;
import no.helsefellesskap.infra.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./run-suite load-demo-data}: loads the demo
 * dataset into a running deployment through its REST APIs. Tokens are signed with the deployment's token-signing key
 * (the local suite's is in .run/keys), as its identity provider would issue them.
 */
@Command(name = "load-demo-data", mixinStandardHelpOptions = true,
        description = "Loads the real cases of the source documents through the public REST APIs (idempotent).")
public final class LoadDemoData implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "localhost", description = "Host of the services (default: localhost)")
    String host;

    @Option(names = "--port-offset", defaultValue = "0", description = "Added to the service ports 8081-8084")
    int portOffset;

    @Option(names = "--keys", defaultValue = ".run/keys", description = "Folder with the token-signing key pair")
    Path keys;

    @Option(names = "--data", description = "Load the *.json files of this folder instead of the packaged dataset")
    Path dataDir;

    @Option(names = "--wait", defaultValue = "60", description = "Seconds to wait for events to reach other services")
    int waitSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadDemoData()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        DemoData data = dataDir == null ? DemoData.packaged() : DemoData.from(dataDir);
        DevKeys k = DevKeys.loadOrCreate(keys);
        DemoDataLoader.Report r = new DemoDataLoader(data, DemoDataLoader.Endpoints.local(host, portOffset),
                signer(k), Duration.ofSeconds(waitSeconds)).load();
        System.out.println("[demo-data] loaded:");
        System.out.print(r);
        return r.refused.isEmpty() ? 0 : 2;
    }

    /** Tokens as the local identity provider issues them: a demo client acting for an organisation. */
    public static DemoDataLoader.TokenSource signer(DevKeys keys) {
        return (orgnr, roles) -> Tokens.sign(keys.privateKey(), "demo-data-loader", orgnr, List.of(roles),
                Duration.ofMinutes(30));
    }
}

// Starts one OpenSearch node in this JVM from an unpacked distribution (path.home), for tests and
// the benchmark: `npm run opensearch:start` runs it through scripts/opensearch.ts.
//
// Why not bin/opensearch: the distribution's bootstrap refuses to run as root, and CI here runs
// as root with no other user. Node(Environment) is what Bootstrap itself constructs, without the
// root check, the security manager and the production bootstrap checks — none of which a
// loopback-only test node needs. Modules (transport-netty4, analysis-common) are loaded from
// path.home/modules by the node's own PluginsService, exactly as in a normal install.
//
// Usage: java -cp 'HOME/lib/*' Launcher.java HOME CONFIG_DIR key=value...
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;

public final class Launcher {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Launcher HOME CONFIG_DIR key=value...");
      System.exit(2);
    }
    Settings.Builder builder = Settings.builder().put("path.home", args[0]);
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      builder.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Environment env =
        InternalSettingsPreparer.prepareEnvironment(
            builder.build(), java.util.Map.of(), Path.of(args[1]), () -> "node");
    // The log pattern names the node; Bootstrap sets it the same way before configuring.
    LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(env.settings()));
    LogConfigurator.configure(env);
    Node node = new Node(env);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                  stopped.countDown();
                }));
    node.start();
    System.out.println("opensearch-launcher: started");
    stopped.await();
  }
}

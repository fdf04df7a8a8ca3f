package ai.heymilo.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heymilo completion bash|zsh}: the shell completion script, generated from the commands themselves. */
@Command(name = "completion", description = "Print the shell completion script for bash or zsh.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  bash, once:  heymilo completion bash \\",
        "                 > ~/.local/share/bash-completion/completions/heymilo",
        "  zsh, once:   heymilo completion zsh > \"${fpath[1]}/_heymilo\"",
        "  this shell:  source <(heymilo completion bash)"})
final class CompletionCommand implements Callable<Integer> {
  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash (default) or zsh.")
  private String shell = "bash";

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new UsageException("completion is generated for bash or zsh, not '" + shell + "'");
    }
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash("heymilo", root);
    if (shell.equals("zsh")) {
      // picocli's script serves zsh through bashcompinit; a #compdef line lets it live in $fpath.
      script = "#compdef heymilo\nautoload -U +X bashcompinit && bashcompinit\n" + script;
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return 0;
  }
}

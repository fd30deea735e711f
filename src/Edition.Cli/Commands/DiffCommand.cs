namespace Edition.Cli.Commands;

public static class DiffCommand
{
    public static int Run(string[] args, TextWriter log) => throw new UsageException("diff: not yet");
}

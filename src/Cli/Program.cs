using Ppl.Cli;

return PplApp.Run(args, Console.Out, Console.Error);

struct AnalyzerBenchmark { init(arguments: [String]) throws {}; func run() throws {} }

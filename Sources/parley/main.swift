import ParleyCLI

Parley.main()

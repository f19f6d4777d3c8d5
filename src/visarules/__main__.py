from visarules.cli import main

main()

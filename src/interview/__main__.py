from interview.cli.main import main

raise SystemExit(main())

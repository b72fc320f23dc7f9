"""`python -m jixiao …` runs the command line."""

from jixiao.cli import main

if __name__ == "__main__":
    main()

module github.com/ghappsgen/ghappsgen/generated

go 1.24

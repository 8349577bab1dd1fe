-- One database per service.
create database ledger;
create database renewal;
create database audit;

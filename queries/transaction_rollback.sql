-- Transactions: the import's all-or-nothing block (QueryRunner.transaction).
rollback;

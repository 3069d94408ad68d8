-- AlterTable
ALTER TABLE "KeptResult" ALTER COLUMN "facts" SET DATA TYPE JSON;

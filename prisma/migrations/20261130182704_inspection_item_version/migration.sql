-- AlterTable
ALTER TABLE "InspectionItem" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateEnum
CREATE TYPE "AnnualReportKind" AS ENUM ('PLAN', 'SUMMARY');

-- CreateEnum
CREATE TYPE "AnnualReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'FILED');

-- AlterTable
ALTER TABLE "AnnualPlan" ADD COLUMN     "planStatus" "AnnualReportStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "summaryStatus" "AnnualReportStatus" NOT NULL DEFAULT 'DRAFT';

-- CreateTable
CREATE TABLE "AnnualPlanSubmission" (
    "id" TEXT NOT NULL,
    "annualPlanId" TEXT NOT NULL,
    "kind" "AnnualReportKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedById" TEXT,
    "outcome" "AnnualReportStatus",
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "reviewComment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AnnualPlanSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlanComment" (
    "id" TEXT NOT NULL,
    "annualPlanId" TEXT NOT NULL,
    "kind" "AnnualReportKind" NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualPlanComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlanDueDate" (
    "academicYear" INTEGER NOT NULL,
    "planDueOn" DATE NOT NULL,
    "summaryDueOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AnnualPlanDueDate_pkey" PRIMARY KEY ("academicYear")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlanSubmission_annualPlanId_kind_number_key" ON "AnnualPlanSubmission"("annualPlanId", "kind", "number");

-- CreateIndex
CREATE INDEX "AnnualPlanComment_annualPlanId_kind_createdAt_idx" ON "AnnualPlanComment"("annualPlanId", "kind", "createdAt");

-- AddForeignKey
ALTER TABLE "AnnualPlanSubmission" ADD CONSTRAINT "AnnualPlanSubmission_annualPlanId_fkey" FOREIGN KEY ("annualPlanId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanSubmission" ADD CONSTRAINT "AnnualPlanSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanSubmission" ADD CONSTRAINT "AnnualPlanSubmission_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanComment" ADD CONSTRAINT "AnnualPlanComment_annualPlanId_fkey" FOREIGN KEY ("annualPlanId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanComment" ADD CONSTRAINT "AnnualPlanComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanDueDate" ADD CONSTRAINT "AnnualPlanDueDate_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Plans and summaries submitted before the review existed await review as version 1, frozen as they stand.
UPDATE "AnnualPlan" SET "planStatus" = 'SUBMITTED' WHERE "planSubmittedAt" IS NOT NULL;
UPDATE "AnnualPlan" SET "summaryStatus" = 'SUBMITTED' WHERE "summarySubmittedAt" IS NOT NULL;
INSERT INTO "AnnualPlanSubmission" ("id", "annualPlanId", "kind", "number", "content", "submittedAt", "submittedById")
SELECT 'mig' || replace(gen_random_uuid()::text, '-', ''), "id", 'PLAN', 1,
       jsonb_build_object('content', "content", 'goals', "goals", 'methods', "methods", 'steps', "steps",
                          'personnel', "personnel", 'measures', "measures"),
       "planSubmittedAt", "planSubmittedById"
FROM "AnnualPlan" WHERE "planSubmittedAt" IS NOT NULL;
INSERT INTO "AnnualPlanSubmission" ("id", "annualPlanId", "kind", "number", "content", "submittedAt", "submittedById")
SELECT 'mig' || replace(gen_random_uuid()::text, '-', ''), "id", 'SUMMARY', 1,
       jsonb_build_object('summary', "summary"), "summarySubmittedAt", "summarySubmittedById"
FROM "AnnualPlan" WHERE "summarySubmittedAt" IS NOT NULL;

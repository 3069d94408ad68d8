// This segment has translated client components: they get next-intl here (decision 011).
export { default } from '@/components/intl/client-intl';

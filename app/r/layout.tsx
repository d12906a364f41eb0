export { default } from '@/app/ui/shell/SessionLayout';

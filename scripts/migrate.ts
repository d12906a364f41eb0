import { dataDir, getDb } from '@/db/client';

getDb().$client.close();
console.log(`Migrations applied to ${dataDir()}/desk.db`);

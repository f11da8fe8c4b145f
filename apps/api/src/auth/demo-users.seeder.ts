import { User } from '@app/persistence';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { demoUsers } from './demo-users';
import { hashPassword } from './passwords';

/**
 * Outside production, an empty users table gets the demo accounts (README, "Demo accounts"). Safe with several
 * replicas starting at once: rows that another replica inserted first are skipped (ON CONFLICT DO NOTHING).
 */
export async function seedDemoUsers(dataSource: DataSource, password: string): Promise<number> {
  const users = dataSource.getRepository(User);
  if (await users.exists()) return 0;
  // One hash for every demo account: their password is published anyway, and 50 bcrypt hashes would add
  // many seconds to the first start.
  const passwordHash = await hashPassword(password);
  const result = await users
    .createQueryBuilder()
    .insert()
    .values(demoUsers().map((user) => ({ ...user, entidades: [...user.entidades], passwordHash })))
    .orIgnore()
    .execute();
  // RETURNING lists only the rows this process inserted.
  return (result.raw as unknown[]).length;
}

@Injectable()
export class DemoUsersSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoUsers) return;
    const created = await seedDemoUsers(this.dataSource, this.config.demoPassword);
    if (created > 0) {
      this.logger.log(`Cuentas de demostración creadas: ${created} (contraseña: la de DEMO_PASSWORD; véase el README)`);
    }
  }
}

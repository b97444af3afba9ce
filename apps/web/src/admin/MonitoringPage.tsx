import { AdminSectionPage } from './AdminSectionPage.tsx';

export const MonitoringPage = () => <AdminSectionPage section="monitoring" />;

import { DailyActivityChart } from "@/components/charts/daily-activity-chart";
import { DailyRevenueChart } from "@/components/charts/daily-revenue-chart";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { dailyActivity, overviewStats } from "@/lib/analytics/db/overview";
import { formatInteger, formatMoney } from "@/lib/format";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export default async function OverviewPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const [stats, daily] = await Promise.all([overviewStats(workspace.id), dailyActivity(workspace.id)]);
  const header = <PageHeader title={workspace.name} description="The last 30 days of your store at a glance." />;
  if (stats.profiles === 0) {
    return (
      <>
        {header}
        <EmptyState
          title="No customer data yet"
          description="Send events from your storefront with a write key, or import customers and orders from your CRM. Profiles, segments and results appear here as data arrives."
          action={
            <Link className={buttonClasses("primary", "md")} href={`/w/${workspace.slug}/settings/api-keys`}>
              Get an API key
            </Link>
          }
        />
      </>
    );
  }
  return (
    <>
      {header}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Profiles"
          value={formatInteger(stats.profiles)}
          hint={`${formatInteger(stats.knownProfiles)} identified`}
        />
        <Stat label="Active profiles" value={formatInteger(stats.activeProfiles)} hint="seen in the last 30 days" />
        <Stat label="Events" value={formatInteger(stats.events)} hint="last 30 days" />
        <Stat
          label="Revenue"
          value={formatMoney(stats.revenue)}
          hint={`${formatInteger(stats.orders)} orders, last 30 days`}
        />
      </div>
      <Card className="mt-6">
        <Tabs defaultValue="activity">
          <CardHeader className="flex items-center justify-between">
            <CardTitle>Last 30 days</CardTitle>
            <TabsList aria-label="Chart">
              <TabsTrigger value="activity">Activity</TabsTrigger>
              <TabsTrigger value="revenue">Revenue</TabsTrigger>
            </TabsList>
          </CardHeader>
          <CardContent>
            <TabsContent value="activity">
              <DailyActivityChart data={daily} />
            </TabsContent>
            <TabsContent value="revenue">
              <DailyRevenueChart data={daily} />
            </TabsContent>
          </CardContent>
        </Tabs>
      </Card>
    </>
  );
}

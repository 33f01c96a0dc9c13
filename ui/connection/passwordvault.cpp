// SPDX-License-Identifier: MIT
#include "passwordvault.h"

#include <qt6keychain/keychain.h>

namespace shardscope {

namespace {

PasswordVault::Outcome outcomeOf(const QKeychain::Job* job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return PasswordVault::Outcome::Ok;
    case QKeychain::EntryNotFound:
        return PasswordVault::Outcome::NotFound;
    default:
        return PasswordVault::Outcome::Failed;
    }
}

} // namespace

PasswordVault::PasswordVault(QObject* parent) : QObject(parent) {}

QString PasswordVault::service()
{
    return QStringLiteral("ShardScope");
}

void PasswordVault::write(const QString& profile, const QString& password, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(profile);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job* finished) { done(outcomeOf(finished), finished->errorString()); });
    job->start();
}

void PasswordVault::read(const QString& profile, Done done)
{
    auto* job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        const Outcome outcome = outcomeOf(finished);
        done(outcome, outcome == Outcome::Ok ? static_cast<QKeychain::ReadPasswordJob*>(finished)->textData()
                                             : finished->errorString());
    });
    job->start();
}

void PasswordVault::remove(const QString& profile, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job* finished) { done(outcomeOf(finished), finished->errorString()); });
    job->start();
}

} // namespace shardscope
